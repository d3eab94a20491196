import type { FastifyReply } from 'fastify';

/** Sends a CSV document (from `csvDocument`) as a download named `fileName`. */
export const sendCsv = (reply: FastifyReply, fileName: string, csv: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
    .send(csv);
