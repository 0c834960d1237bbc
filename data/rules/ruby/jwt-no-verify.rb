class ApiController < ActionController::API
  before_action :authenticate!

  private

  def authenticate!
    token = request.headers["Authorization"].to_s.delete_prefix("Bearer ")
    # ruleid: ruby.jwt-no-verify
    payload, _header = JWT.decode(token, nil, false)
    @current_user = User.find(payload["sub"])
  end

  def legacy_claims(token)
    # ruleid: ruby.jwt-no-verify
    JWT.decode(token, ENV.fetch("JWT_SECRET"), true, algorithms: ["HS256", "none"])
  end

  def partner_claims(token)
    # ruleid: ruby.jwt-no-verify
    JWT.decode token, nil, true, { algorithm: "none" }
  end

  def verified_claims(token)
    # ok: ruby.jwt-no-verify
    payload, = JWT.decode(token, ENV.fetch("JWT_PUBLIC_KEY"), true, algorithm: "RS256", verify_iat: true)
    # ok: ruby.jwt-no-verify
    digest = Digest::SHA256.hexdigest(token)
    # ok: ruby.jwt-no-verify
    encoded = JWT.encode({ sub: payload["sub"] }, ENV.fetch("JWT_PRIVATE_KEY"), "RS256")
    [payload, digest, encoded]
  end
end
