# frozen_string_literal: true

require "json"
require "net/http"
require "open3"
require "shellwords"
require "yaml"

class PartnerClient
  BASE = URI("https://partner.example.com")
  ALLOWED_HOSTS = %w[images.example.com cdn.example.com].freeze

  def initialize(api_key: ENV.fetch("PARTNER_API_KEY"), ca_file: ENV.fetch("PARTNER_CA_FILE", nil))
    @api_key = api_key
    @ca_file = ca_file
  end

  def invoice(id)
    uri = URI.join(BASE, "/v1/invoices/#{Integer(id)}")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    http.ca_file = @ca_file if @ca_file
    request = Net::HTTP::Get.new(uri)
    request["Authorization"] = "Bearer #{@api_key}"
    response = http.request(request)
    JSON.parse(response.body)
  rescue JSON::ParserError, Net::ReadTimeout => e
    Rails.logger.error("partner invoice #{id} failed: #{e.class}: #{e.message}")
    raise
  end

  def fetch_image(url)
    uri = URI.parse(url)
    raise ArgumentError, "host not allowed" unless uri.is_a?(URI::HTTPS) && ALLOWED_HOSTS.include?(uri.host)

    Net::HTTP.get(uri)
  end

  def faraday
    Faraday.new(url: BASE.to_s, ssl: { verify: true }, request: { timeout: 10 })
  end
end

class TokenVerifier
  def initialize(public_key: OpenSSL::PKey::RSA.new(ENV.fetch("JWT_PUBLIC_KEY")))
    @public_key = public_key
  end

  def claims(token)
    payload, _header = JWT.decode(token, @public_key, true, algorithm: "RS256", verify_iat: true, aud: "api", verify_aud: true)
    payload
  rescue JWT::DecodeError => e
    Rails.logger.info("rejected token: #{e.message}")
    nil
  end
end

class Backup
  def dump(database, dest)
    out, status = Open3.capture2e("pg_dump", "--no-owner", "--file", dest, database)
    raise "pg_dump failed: #{out}" unless status.success?

    system("gzip", "-9", dest, exception: true)
  end

  def disk_usage(path)
    stdout, _status = Open3.capture2("du", "-sh", path.to_s)
    stdout.split.first
  end

  def archive(dir)
    system("tar czf #{Shellwords.escape(dir)}.tar.gz #{Shellwords.escape(dir)}")
  end
end

class Settings
  def self.load(path)
    YAML.safe_load(File.read(path), permitted_classes: [Date, Symbol], aliases: false)
  end

  def self.features
    YAML.load_file(Rails.root.join("config", "features.yml"))
  end
end

class Importer
  def import(io)
    JSON.parse(io.read).each do |row|
      Record.create!(row.slice("name", "price"))
    rescue ActiveRecord::RecordInvalid => e
      Rails.logger.warn("skipped row #{row.inspect}: #{e.message}")
    end
  end

  def parse_count(value)
    Integer(value) rescue nil
  end
end
