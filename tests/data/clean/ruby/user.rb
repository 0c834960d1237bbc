# frozen_string_literal: true

class User < ApplicationRecord
  has_secure_password
  has_many :orders, dependent: :destroy

  PASSWORD_MIN_LENGTH = 12
  TOKEN_TTL = 2.hours

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :password, length: { minimum: PASSWORD_MIN_LENGTH }, allow_nil: true

  before_create :assign_tokens

  def self.authenticate(email, password)
    user = find_by(email: email.to_s.downcase)
    user&.authenticate(password) || nil
  end

  def start_password_reset!
    raw_token = SecureRandom.urlsafe_base64(32)
    update!(reset_password_digest: Digest::SHA256.hexdigest(raw_token), reset_password_sent_at: Time.current)
    raw_token
  end

  def reset_token_valid?(raw_token)
    return false if reset_password_sent_at.nil? || reset_password_sent_at < TOKEN_TTL.ago

    ActiveSupport::SecurityUtils.secure_compare(reset_password_digest.to_s, Digest::SHA256.hexdigest(raw_token))
  end

  def generate_otp
    SecureRandom.random_number(10**6).to_s.rjust(6, "0")
  end

  def gravatar_url(size: 80)
    "https://www.gravatar.com/avatar/#{Digest::MD5.hexdigest(email.downcase)}?s=#{size}"
  end

  def display_badge
    ActionController::Base.helpers.content_tag(:span, name, class: "badge")
  end

  private

  def assign_tokens
    self.api_key = SecureRandom.alphanumeric(40)
    self.confirmation_token = SecureRandom.hex(20)
  end
end
