require "oj"

class SessionRestore
  def call(cookie)
    raw = Base64.urlsafe_decode64(cookie)
    # ruleid: ruby.unsafe-deserialization
    Marshal.load(raw)
  end
end

class WebhooksController < ApplicationController
  def create
    # ruleid: ruby.unsafe-deserialization
    event = Oj.load(request.body.read)
    # ruleid: ruby.unsafe-deserialization
    legacy = Marshal.restore(Base64.decode64(params[:state]))
    # ok: ruby.unsafe-deserialization
    payload = Oj.load(request.body.read, mode: :strict)
    # ok: ruby.unsafe-deserialization
    parsed = JSON.parse(request.body.read)
    # ok: ruby.unsafe-deserialization
    copy = Marshal.load(Marshal.dump(payload))
    # ok: ruby.unsafe-deserialization
    blob = Marshal.dump(parsed)
    head :ok
  end
end
