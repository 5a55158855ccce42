import type { CaseDetail } from '../../api/contracts';

/** A row of thumbnails, each opening the full photo (the report's and the resolution's photos alike). */
export function PhotoStrip({ photos }: { photos: CaseDetail['photos'] }) {
  return (
    <div className="m-photos">
      {photos.map((p) => (
        <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="m-photo done">
          <img src={p.thumbUrl} alt="" loading="lazy" />
        </a>
      ))}
    </div>
  );
}
