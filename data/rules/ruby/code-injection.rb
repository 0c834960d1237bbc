class CalculatorController < ApplicationController
  OPERATIONS = { "add" => :+, "sub" => :- }.freeze

  def compute
    # ruleid: ruby.code-injection
    result = eval(params[:expression])
    render json: { result: result }
  end

  def apply
    formula = "#{params[:a]} #{params[:op]} #{params[:b]}"
    # ruleid: ruby.code-injection
    value = binding.eval(formula)
    render json: { value: value }
  end

  def export
    # ruleid: ruby.code-injection
    data = Report.public_send(params[:format], current_user)
    # ruleid: ruby.code-injection
    klass = params[:type].constantize
    render json: { data: data, kind: klass.name }
  end

  def safe_compute
    op = OPERATIONS.fetch(params[:op]) { raise ActionController::BadRequest }
    # ok: ruby.code-injection
    result = params[:a].to_i.public_send(op, params[:b].to_i)
    # ok: ruby.code-injection
    kind = { "csv" => CsvReport, "pdf" => PdfReport }.fetch(params[:type]).name
    # ok: ruby.code-injection
    total = eval("1 + 2")
    render json: { result: result, kind: kind, total: total }
  end
end

module Trackable
  def self.track(*names)
    names.each do |name|
      # ruleid: ruby.code-injection
      class_eval "def #{name}_changed?; @#{name}_changed; end"
      # ok: ruby.code-injection
      define_method("#{name}_reset!") { instance_variable_set("@#{name}_changed", false) }
      # ok: ruby.code-injection
      class_eval do
        attr_accessor name
      end
    end
  end

  # ok: ruby.code-injection
  class_eval <<~RUBY, __FILE__, __LINE__ + 1
    def tracked?; true; end
  RUBY

  def notify(event)
    # ok: ruby.code-injection
    send(:"on_#{event}") if respond_to?(:"on_#{event}", true)
  end
end
