require "net/http"
require "openssl"

class PartnerClient
  def fetch(path)
    uri = URI.join("https://partner.example.com", path)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ruleid: ruby.tls-verification-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE
    # ruleid: ruby.tls-verification-disabled
    http.verify_hostname = false
    http.request(Net::HTTP::Get.new(uri))
  end

  def faraday
    # ruleid: ruby.tls-verification-disabled
    Faraday.new(url: "https://partner.example.com", ssl: { verify: false })
  end

  def legacy
    # ruleid: ruby.tls-verification-disabled
    HTTParty.get("https://legacy.example.com/status", verify: false)
    # ruleid: ruby.tls-verification-disabled
    RestClient::Request.execute(method: :get, url: "https://legacy.example.com", verify_ssl: false)
    # ruleid: ruby.tls-verification-disabled
    Excon.get("https://legacy.example.com", ssl_verify_peer: false)
  end

  def safe(uri)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ok: ruby.tls-verification-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    # ok: ruby.tls-verification-disabled
    http.ca_file = ENV.fetch("PARTNER_CA_FILE", "/etc/ssl/certs/partner-ca.pem")
    # ok: ruby.tls-verification-disabled
    conn = Faraday.new(url: "https://partner.example.com", ssl: { verify: true, ca_file: http.ca_file })
    # ok: ruby.tls-verification-disabled
    HTTParty.get("https://partner.example.com/status", timeout: 5, follow_redirects: false)
    conn
  end
end
