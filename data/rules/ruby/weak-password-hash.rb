require "digest"

class User < ApplicationRecord
  before_save :hash_password, if: :password_changed?

  def hash_password
    # ruleid: ruby.weak-password-hash
    self.password_digest = Digest::MD5.hexdigest(password)
  end

  def self.authenticate(email, password)
    user = find_by(email: email)
    # ruleid: ruby.weak-password-hash
    user if user && user.password_digest == Digest::SHA1.hexdigest("#{user.salt}#{password}")
  end

  def legacy_check(pw)
    # ruleid: ruby.weak-password-hash
    OpenSSL::Digest::MD5.new.hexdigest(pw) == legacy_hash
  end

  def gravatar_url
    # ok: ruby.weak-password-hash
    "https://www.gravatar.com/avatar/#{Digest::MD5.hexdigest(email.downcase)}"
  end

  def secure_digest(password)
    # ok: ruby.weak-password-hash
    BCrypt::Password.create(password)
  end

  def token_fingerprint(password_reset_token)
    # ok: ruby.weak-password-hash
    Digest::SHA256.hexdigest(password_reset_token)
  end
end
