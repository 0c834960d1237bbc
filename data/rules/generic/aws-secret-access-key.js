const { S3Client } = require("@aws-sdk/client-s3");

// ruleid: generic.aws-secret-access-key
const AWS_SECRET_ACCESS_KEY = "ALmvCUz/oQBQhCpZ4BoXW7YrFZirK6rKOe+T/lFM";

const hardcoded = new S3Client({
  region: "eu-west-1",
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    // ruleid: generic.aws-secret-access-key
    secretAccessKey: "37LHHBI4k16QUlO6MfljD3one13v4Yjh3jCx0VRb",
  },
});

const fromEnv = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    // ok: generic.aws-secret-access-key
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});

// AWS's documented example secret: not a credential.
// ok: generic.aws-secret-access-key
const docs = { aws_secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

// ok: generic.aws-secret-access-key
const awsSecretKeyName = "AWS_SECRET_ACCESS_KEY";

module.exports = { hardcoded, fromEnv, docs, awsSecretKeyName };
