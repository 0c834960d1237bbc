require "stripe"

# ruleid: generic.stripe-live-key
Stripe.api_key = "sk_live_1z02eaa90qrFkGFeHrmOYXpF"

REPORTING = {
  # ruleid: generic.stripe-live-key
  key: "rk_live_be0dQAxHOHW9vqJsc4wwN09qTmEIdVboSb",
}

# The demo repository's deliberately fake key does not have the real shape.
# ok: generic.stripe-live-key
DEMO_KEY = "sk_live_demo_7Rq2XvK9mTb4LrP0sWn8JcY3eHd6"

# ok: generic.stripe-live-key
TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"

def configure!
  # ok: generic.stripe-live-key
  Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")
end
