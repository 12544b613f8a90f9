import Link from '@/components/ui/app-link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-3xl">Page not found</h1>
      <p className="text-muted">That page does not exist, or it moved.</p>
      <p>
        <Link href="/" className="btn btn-primary">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
