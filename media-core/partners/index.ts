export { PartnerService, type PartnerServiceDeps } from './partner-service';
export { OtpTokens } from './otp-tokens';
export { OtpApi, type OtpApiAnswer, type OtpApiClient } from './otp-api';
export { partnerView } from './partner-view';
