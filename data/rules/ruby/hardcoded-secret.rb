# ruleid: ruby.hardcoded-secret
STRIPE_SECRET = "rk9Xw2Lq7Rt4Zm8Vb3Nc6Hj1"
# ok: ruby.hardcoded-secret
GITHUB_TOKEN = ENV.fetch("GITHUB_TOKEN")
# ok: ruby.hardcoded-secret
ADMIN_PASSWORD = "changeme"
# ok: ruby.hardcoded-secret
TOKEN_URL = "https://auth.example.org/oauth/token"

Rails.application.configure do
  # ruleid: ruby.hardcoded-secret
  config.secret_key_base = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc"
  # ok: ruby.hardcoded-secret
  config.session_store :cookie_store, key: "_shop_session"
end

class PaymentClient
  # ruleid: ruby.hardcoded-secret
  def initialize(api_key: "pk_9hQ2xL7mR4tW8zV3", timeout: 10)
    @api_key = api_key
    # ruleid: ruby.hardcoded-secret
    @webhook_secret = ENV["WEBHOOK_SECRET"] || "whsec_4Fq8Lp2Zx7Rm9Tk3"
    @timeout = timeout
  end

  def connection
    Faraday.new(
      url: "https://api.payments.example",
      # ruleid: ruby.hardcoded-secret
      headers: { "X-Api-Key" => "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e", "Accept" => "application/json" }
    )
  end
end

class Admin::SessionsController < ApplicationController
  def create
    # ruleid: ruby.hardcoded-secret
    if params[:password] == "Sup3r-S3cret-Adm1n"
      session[:admin] = true
    end
    # ok: ruby.hardcoded-secret
    redirect_to admin_root_path if params[:token] == ""
  end
end

def database_settings
  {
    adapter: "postgresql",
    # ruleid: ruby.hardcoded-secret
    password: "Pg_pr0d#2024!Rw",
    # ok: ruby.hardcoded-secret
    username: ENV.fetch("DB_USER", "app"),
    # ok: ruby.hardcoded-secret
    secret: Rails.application.credentials.dig(:db, :secret),
    # ok: ruby.hardcoded-secret
    token: "<your-token-here>",
    # ok: ruby.hardcoded-secret
    api_key: "xxxxxxxxxxxxxxxx",
  }
end

# ok: ruby.hardcoded-secret
SECRET_PREFIX = "#{Rails.env}-9f8e7d6c5b4a3928"
