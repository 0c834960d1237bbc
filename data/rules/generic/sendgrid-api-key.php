<?php

use SendGrid\Mail\Mail;

function mailer(): \SendGrid
{
    // ruleid: generic.sendgrid-api-key
    return new \SendGrid('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');
}

function mailerFromEnv(): \SendGrid
{
    // ok: generic.sendgrid-api-key
    return new \SendGrid(getenv('SENDGRID_API_KEY'));
}

// ok: generic.sendgrid-api-key
const KEY_FORMAT = 'SG.<id>.<secret>';
