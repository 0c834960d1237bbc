class NotificationService
  def deliver(user, message)
    Mailer.notify(user, message).deliver_now
  # ruleid: ruby.swallowed-exception
  rescue StandardError
  end

  def deliver_all(users, message)
    users.each do |user|
      begin
        Sms.send(user.phone, message)
      # ruleid: ruby.swallowed-exception
      rescue => e
        nil
      end
    end
  end

  def push(user, message)
    Push.send(user.device_token, message)
  # ruleid: ruby.swallowed-exception
  rescue Push::Error => e
    # ignore, pushes are best effort
  end

  def retrying(user, message)
    attempts = 0
    begin
      Push.send(user.device_token, message)
    # ok: ruby.swallowed-exception
    rescue Push::Timeout => e
      attempts += 1
      retry if attempts < 3
      Rails.logger.warn("push to #{user.id} failed: #{e.message}")
    end
  end

  def logged(user, message)
    Mailer.notify(user, message).deliver_now
  # ok: ruby.swallowed-exception
  rescue Net::SMTPError => e
    Rails.error.report(e, context: { user_id: user.id })
    raise
  end

  def count(value)
    # ok: ruby.swallowed-exception
    Integer(value) rescue nil
  end
end
