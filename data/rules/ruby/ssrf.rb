require "net/http"
require "open-uri"

class LinkPreviewsController < ApplicationController
  ALLOWED_HOSTS = %w[images.example.com cdn.example.com].freeze

  def show
    # ruleid: ruby.ssrf
    body = Net::HTTP.get(URI(params[:url]))
    render json: { title: body[/<title>(.*?)<\/title>/m, 1] }
  end

  def image
    # ruleid: ruby.ssrf
    data = URI.open(params[:src]).read
    # ruleid: ruby.ssrf
    meta = HTTParty.get("#{params[:host]}/meta.json", timeout: 5)
    send_data data, type: meta["content_type"]
  end

  def legacy
    # ruleid: ruby.ssrf
    render plain: open(params[:feed]).read
  end

  def safe
    uri = URI.parse(params[:url].to_s)
    head :bad_request and return unless uri.is_a?(URI::HTTPS) && ALLOWED_HOSTS.include?(uri.host)
    # ok: ruby.ssrf
    body = Net::HTTP.get(uri)
    # ok: ruby.ssrf
    weather = HTTParty.get("https://api.weather.example.com/v1/current", query: { city: params[:city] })
    render json: { size: body.bytesize, weather: weather.parsed_response }
  end
end
