<?php

class Notifier
{
    public function __construct(private Mailer $mailer, private LoggerInterface $logger)
    {
    }

    public function notify(User $user, string $message): void
    {
        try {
            $this->mailer->send($user->email, $message);
        // ruleid: php.swallowed-exception
        } catch (Exception $e) {
        }

        try {
            $this->mailer->sendSms($user->phone, $message);
        // ruleid: php.swallowed-exception
        } catch (\Throwable $e) {
            // best effort
        }

        try {
            $this->mailer->push($user->deviceToken, $message);
        // ok: php.swallowed-exception
        } catch (PushException $e) {
            $this->logger->warning('push failed', ['user' => $user->id, 'error' => $e->getMessage()]);
        }

        try {
            $this->mailer->archive($message);
        // ok: php.swallowed-exception
        } catch (StorageException $e) {
            throw new RuntimeException('archive failed', 0, $e);
        }
    }
}
