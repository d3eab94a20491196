import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible endpoint in the test process: PUT, GET (also of one `Range`), HEAD and DELETE of objects on path-style URLs
 * (`/<bucket>/<key>`), answering only requests signed with AWS Signature Version 4 for its one
 * key pair. It checks the signature as S3 does (canonical request, string to sign, signing key)
 * and the payload's hash, so the adapter is tested against the protocol, not a mock of the SDK.
 */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Every request: method, path, and whether its signature checked out. */
  requests: { method: string; path: string; signed: boolean; range?: string }[];
  close(): Promise<void>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** True when the request carries a valid SigV4 signature by `accessKeyId` over its body. */
function signatureValid(
  request: IncomingMessage,
  body: Buffer,
  keys: { accessKeyId: string; secretAccessKey: string; region: string },
): boolean {
  const auth = request.headers.authorization ?? '';
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return false;
  const [, keyId, date, region, signedHeaders, signature] = match as unknown as string[];
  if (keyId !== keys.accessKeyId || region !== keys.region) return false;
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (!amzDate.startsWith(date as string)) return false;
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return false;
  const [path, query = ''] = (request.url ?? '/').split('?') as [string, string?];
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort()
    .join('&');
  const names = (signedHeaders as string).split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return false;
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${keys.secretAccessKey}`, date as string);
  for (const part of [region as string, 's3', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign).digest('hex') === signature;
}

const xmlError = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;

export async function startFakeS3(): Promise<FakeS3> {
  const keys = {
    accessKeyId: 'FAKEACCESSKEY',
    secretAccessKey: 'fake-secret-key-for-tests',
    region: 'test-1',
  };
  const bucket = 'fission-test';
  const objects: FakeS3['objects'] = new Map();
  const requests: FakeS3['requests'] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = (request.url ?? '/').split('?')[0] as string;
    const signed = signatureValid(request, body, keys);
    const range = typeof request.headers.range === 'string' ? request.headers.range : undefined;
    requests.push({ method: request.method ?? '', path, signed, ...(range ? { range } : {}) });
    const fail = (status: number, code: string) => {
      response.writeHead(status, { 'content-type': 'application/xml' }).end(xmlError(code));
    };
    if (!signed) return fail(403, 'SignatureDoesNotMatch');
    const prefix = `/${bucket}/`;
    if (!path.startsWith(prefix)) return fail(404, 'NoSuchBucket');
    const key = decodeURIComponent(path.slice(prefix.length));
    if (request.method === 'PUT') {
      objects.set(key, { bytes: body, contentType: String(request.headers['content-type'] ?? '') });
      return response.writeHead(200, { etag: `"${sha256(body).slice(0, 32)}"` }).end();
    }
    if (request.method === 'HEAD') {
      const object = objects.get(key);
      if (!object) return response.writeHead(404).end();
      return response
        .writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length })
        .end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return fail(404, 'NoSuchKey');
      const asked = range && /^bytes=(\d+)-(\d+)$/.exec(range);
      if (asked) {
        const start = Number(asked[1]);
        const end = Math.min(Number(asked[2]), object.bytes.length - 1);
        const part = object.bytes.subarray(start, end + 1);
        return response
          .writeHead(206, {
            'content-type': object.contentType,
            'content-length': part.length,
            'content-range': `bytes ${start}-${end}/${object.bytes.length}`,
          })
          .end(part);
      }
      return response
        .writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length })
        .end(object.bytes);
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      return response.writeHead(204).end();
    }
    return fail(405, 'MethodNotAllowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    ...keys,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
