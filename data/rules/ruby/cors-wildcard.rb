Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    # ruleid: ruby.cors-wildcard
    origins "*"
    resource "/api/*", headers: :any, methods: %i[get post]
  end

  allow do
    # ok: ruby.cors-wildcard
    origins "https://shop.example.com", "https://admin.example.com"
    resource "/account/*", headers: :any, methods: :any, credentials: true
  end
end

class Api::BaseController < ActionController::API
  after_action :cors_headers

  private

  def cors_headers
    # ruleid: ruby.cors-wildcard
    headers["Access-Control-Allow-Origin"] = "*"
    # ruleid: ruby.cors-wildcard
    response.set_header("Access-Control-Allow-Origin", "*")
    # ok: ruby.cors-wildcard
    headers["Access-Control-Allow-Methods"] = "*"
    # ok: ruby.cors-wildcard
    headers["Access-Control-Allow-Origin"] = "https://shop.example.com"
  end
end
