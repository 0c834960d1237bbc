import { Client } from "@googlemaps/google-maps-services-js";

// ruleid: generic.google-api-key
const MAPS_KEY = "AIzarKmG7U3CHT4Y0bP1FTIb-R-WEpasItkJImw";

export async function geocode(address: string) {
  const client = new Client({});
  // ruleid: generic.google-api-key
  return client.geocode({ params: { address, key: "AIzaUIF36Eg6BqBn_2jtLkKtV0SgeDWn2x7L-yR" } });
}

export async function geocodeSafely(address: string) {
  const client = new Client({});
  // ok: generic.google-api-key
  return client.geocode({ params: { address, key: process.env.GOOGLE_MAPS_API_KEY ?? "" } });
}

// ok: generic.google-api-key
export const KEY_HELP = "Google keys start with AIza followed by 35 characters";
export { MAPS_KEY };
