# frozen_string_literal: true

# config/environments/production.rb
Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.consider_all_requests_local = false
  config.action_controller.perform_caching = true
  config.force_ssl = true
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")
  config.session_store :cookie_store, key: "_shop_session", secure: true, same_site: :lax
end

# config/initializers/cors.rb
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "https://shop.example.com", "https://admin.example.com"
    resource "/api/*", headers: :any, methods: %i[get post put delete], credentials: true
  end
end

# config/database.rb
DATABASE = {
  adapter: "postgresql",
  host: ENV.fetch("DB_HOST", "db"),
  username: ENV.fetch("DB_USER", "shop"),
  password: ENV.fetch("DB_PASSWORD"),
  pool: Integer(ENV.fetch("DB_POOL", "5")),
}.freeze

STRIPE_API_KEY = ENV["STRIPE_API_KEY"]
TOKEN_HEADER = "X-Api-Token"
