import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";

@Injectable()
export class GithubClient {
  // ruleid: typescript.hardcoded-secret-class-field
  private readonly accessToken: string = "gh0-Qz81vMx7LpR2tY5w";
  // ruleid: typescript.hardcoded-secret-class-field
  static clientSecret = process.env.GITHUB_CLIENT_SECRET ?? "c9e1f4a7b2d8e5f3a6c0";
  // ok: typescript.hardcoded-secret-class-field
  private readonly tokenHeader = "Authorization";
  // ok: typescript.hardcoded-secret-class-field
  private readonly webhookSecret: string;
  // ok: typescript.hardcoded-secret-class-field
  private password = "<your-password>";

  constructor(private readonly config: ConfigService) {
    this.webhookSecret = this.config.getOrThrow<string>("GITHUB_WEBHOOK_SECRET");
  }

  headers(): Record<string, string> {
    return { [this.tokenHeader]: `token ${this.accessToken}` };
  }
}
