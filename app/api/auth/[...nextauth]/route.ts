import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { guardAuthRequest } from '@/lib/auth/route-guard';

const handler = NextAuth(authOptions) as (
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

// next-auth answers some malformed requests with a 500; the guard turns them into 4xx first.
async function guarded(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await context.params;
  const checked = await guardAuthRequest(request, nextauth);
  return checked instanceof Response ? checked : handler(checked, context);
}

export { guarded as GET, guarded as POST };
