class User < ApplicationRecord
  before_create :assign_tokens

  def assign_tokens
    # ruleid: ruby.insecure-random
    self.confirmation_token = rand(36**32).to_s(36)
    # ruleid: ruby.insecure-random
    self.api_key = ("a".."z").to_a.concat(("0".."9").to_a).sample(40).join
    # ok: ruby.insecure-random
    self.remember_token = SecureRandom.urlsafe_base64(32)
  end

  def generate_otp
    digits = (0..9).to_a
    # ruleid: ruby.insecure-random
    Array.new(6) { digits.sample }.join
  end

  def generate_reset_code
    # ok: ruby.insecure-random
    SecureRandom.random_number(10**6).to_s.rjust(6, "0")
  end

  def shuffled_questions
    # ok: ruby.insecure-random
    questions.shuffle.first(10)
  end

  def retry_delay
    # ok: ruby.insecure-random
    delay = 2**attempts + rand(0.0..1.0)
  end
end
