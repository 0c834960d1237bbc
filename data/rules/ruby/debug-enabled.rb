# config/environments/production.rb
Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  # ruleid: ruby.debug-enabled
  config.consider_all_requests_local = true
  config.action_controller.perform_caching = true
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
end

# config/environments/development.rb (same file here only for the example)
Rails.application.configure do
  config.enable_reloading = true
  config.eager_load = false
  # ok: ruby.debug-enabled
  config.consider_all_requests_local = true
end

class StatusApp < Sinatra::Base
  # ruleid: ruby.debug-enabled
  set :show_exceptions, true
  # ok: ruby.debug-enabled
  set :show_exceptions, false
  # ok: ruby.debug-enabled
  set :logging, true

  configure :production do
    # ok: ruby.debug-enabled
    disable :dump_errors
  end
end
