import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type OtpAnswer = { type: 'text'; body: string; expiresAt: string } | { type: 'json'; body: Record<string, unknown> };

/** The OTP API as the partner listener needs it; errors are thrown as ApiError. */
export interface PartnerOtpApi {
  handle(fields: unknown, client: { ip: string; userAgent?: string | undefined }): Promise<OtpAnswer>;
}

/** The spec's two paths, with and without the trailing slash. */
export const OTP_PATHS = ['/otp/api/', '/otp/api', '/api/v1/otp/', '/api/v1/otp'] as const;

export function registerOtpRoutes(app: FastifyInstance, otp: PartnerOtpApi): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const answer = await otp.handle(req.body ?? {}, { ip: req.socket.remoteAddress ?? '', userAgent: req.headers['user-agent'] });
    void reply.header('cache-control', 'no-store');
    if (answer.type === 'json') return reply.send(answer.body);
    // The token alone, as the spec's example answer shows.
    return reply.type('text/plain; charset=utf-8').header('x-token-expires-at', answer.expiresAt).send(answer.body);
  };
  for (const path of OTP_PATHS) app.post(path, handler);
}
