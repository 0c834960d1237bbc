class ImportsController < ApplicationController
  def create
    # ruleid: ruby.yaml-load
    config = YAML.load(params[:file].read)
    # ruleid: ruby.yaml-load
    legacy = Psych.unsafe_load(request.body.read)
    # ok: ruby.yaml-load
    settings = YAML.safe_load(params[:file].read, permitted_classes: [Date, Symbol])
    # ok: ruby.yaml-load
    plain = YAML.safe_load(request.body.read)
    render json: { config: config, legacy: legacy, settings: settings, plain: plain }
  end
end

# ok: ruby.yaml-load
FEATURES = YAML.load_file(Rails.root.join("config/features.yml"))

class LegacyImporter
  def import(io)
    # ruleid: ruby.yaml-load
    YAML.load_stream(io).each { |doc| Record.create!(doc) }
  end
end
# ok: ruby.yaml-load
LOCALES = YAML.safe_load_file(Rails.root.join("config/locales.yml"))
# ok: ruby.yaml-load
DUMP = YAML.dump(LOCALES)
