import type { MetadataRoute } from 'next';

/** Web app manifest (served at /manifest.webmanifest; Next links it from every page). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Mesh Dojo',
    short_name: 'Mesh Dojo',
    description:
      'Lessons, spaced-repetition flashcards, graded design scenarios and a mesh simulator for service mesh design.',
    start_url: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#1d4ed8',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
  };
}
