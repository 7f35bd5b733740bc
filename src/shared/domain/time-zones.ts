// The 76 time zones Kartra accepts for lead_preferred_time_zone, in the order of Kartra's lead page (kartra-api.md §8.4).
export const KARTRA_TIME_ZONES = [
  'America/Los_Angeles', 'America/Boise', 'America/Chicago', 'America/New_York', 'Europe/London', 'Europe/Brussels',
  'Etc/GMT+12', 'Pacific/Midway', 'Pacific/Honolulu', 'America/Juneau', 'America/Chihuahua', 'America/Phoenix',
  'America/Regina', 'America/Mexico_City', 'America/Belize', 'America/Indiana/Indianapolis', 'America/Bogota',
  'America/Glace_Bay', 'America/Caracas', 'America/Santiago', 'America/St_Johns', 'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires', 'America/Nuuk', 'Etc/GMT+2', 'Atlantic/Azores', 'Atlantic/Cape_Verde',
  'Africa/Casablanca', 'Atlantic/Canary', 'Europe/Belgrade', 'Europe/Sarajevo', 'Europe/Amsterdam', 'Africa/Algiers',
  'Europe/Bucharest', 'Africa/Cairo', 'Europe/Helsinki', 'Europe/Athens', 'Asia/Jerusalem', 'Africa/Harare',
  'Europe/Moscow', 'Asia/Kuwait', 'Africa/Nairobi', 'Asia/Baghdad', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Baku',
  'Asia/Kabul', 'Asia/Yekaterinburg', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Colombo',
  'Asia/Almaty', 'Asia/Rangoon', 'Asia/Bangkok', 'Asia/Krasnoyarsk', 'Asia/Shanghai', 'Asia/Kuala_Lumpur',
  'Asia/Taipei', 'Australia/Perth', 'Asia/Irkutsk', 'Asia/Seoul', 'Asia/Tokyo', 'Asia/Yakutsk', 'Australia/Darwin',
  'Australia/Adelaide', 'Australia/Sydney', 'Australia/Brisbane', 'Australia/Hobart', 'Asia/Vladivostok',
  'Pacific/Guam', 'Asia/Magadan', 'Pacific/Fiji', 'Pacific/Auckland', 'Pacific/Tongatapu',
] as const;
export type KartraTimeZone = (typeof KARTRA_TIME_ZONES)[number];

const ACCEPTED = new Set<string>(KARTRA_TIME_ZONES);
export const isKartraTimeZone = (tz: string): tz is KartraTimeZone => ACCEPTED.has(tz);
