const { WebClient } = require("@slack/web-api");

// ruleid: generic.slack-token
const bot = new WebClient("xoxb-939174268208-0254191493643-P5YjWlqlxHaI9h7zCfDyAj5u");

const config = {
  // ruleid: generic.slack-token
  userToken: "xoxp-276547386920-884538750650-1168875072092-afb9083c21a35eaf7726592dc250fc86",
  // ok: generic.slack-token
  docsToken: "xoxb-your-bot-token",
};

// ok: generic.slack-token
const fromEnv = new WebClient(process.env.SLACK_BOT_TOKEN);

module.exports = { bot, config, fromEnv };
