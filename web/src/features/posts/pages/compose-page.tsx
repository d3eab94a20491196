import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ImageUploadButton } from '../../../components/image-upload-button';
import { ProductImage } from '../../../components/product-image';
import { allItems } from '../../../lib/paged-query';
import { useProducts } from '../../catalog';
import { useCreatePost } from '../api/post';
import type { PostInput } from '../types';

const MAX_IMAGES = 9;

interface Picked {
  id: string;
  title: string;
  image: string | null;
  note: string;
}

/** Finds products by name to tag them. */
function ProductSearch({ onPick, picked }: { onPick: (p: Picked) => void; picked: readonly Picked[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const products = useProducts({ q: q.trim() || undefined });
  const found = q.trim() ? allItems(products.data).slice(0, 6) : [];
  return (
    <div className="compose-search">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('posts.searchProducts')}
        aria-label={t('posts.searchProducts')}
        data-testid="compose-product-search"
      />
      <ul className="plain-list compose-results">
        {found.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link-button"
              disabled={picked.some((x) => x.id === p.id)}
              onClick={() => {
                onPick({ id: p.id, title: p.title, image: p.images[0] ?? null, note: '' });
                setQ('');
              }}
              data-testid="compose-product-result"
            >
              {p.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Writing a post or a purchase list: text, pictures, tagged products, draft or publish. */
export function ComposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePost();
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'post' | 'list'>('post');
  const [images, setImages] = useState<string[]>([]);
  const [products, setProducts] = useState<Picked[]>([]);

  function submit(event: FormEvent, draft: boolean) {
    event.preventDefault();
    const input: PostInput =
      kind === 'list'
        ? { body, images, kind, listItems: products.map((p) => ({ productId: p.id, note: p.note })), draft }
        : { body, images, productIds: products.map((p) => p.id), draft };
    create.mutate(input, { onSuccess: (post) => void navigate(`/posts/${encodeURIComponent(post.id)}`) });
  }

  return (
    <form className="page narrow compose-page" onSubmit={(e) => submit(e, false)} data-testid="compose-page">
      <h1>{t('posts.write')}</h1>
      <div className="chips tabs" role="tablist" aria-label={t('posts.kind')}>
        {(['post', 'list'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === kind}
            className={`chip${k === kind ? ' chip-active' : ''}`}
            onClick={() => setKind(k)}
            data-testid={`compose-kind-${k}`}
          >
            {t(k === 'post' ? 'posts.kindPost' : 'posts.list')}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{kind === 'list' ? t('posts.listIntro') : t('posts.body')}</span>
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={5}
          maxLength={5000}
          required
          data-testid="compose-body"
        />
      </label>
      <div className="compose-images">
        {images.map((src) => (
          <div key={src} className="compose-image">
            <ProductImage src={src} alt="" className="compose-thumb" sizes="96px" />
            <button
              type="button"
              className="link-button"
              onClick={() => setImages(images.filter((i) => i !== src))}
            >
              {t('posts.remove')}
            </button>
          </div>
        ))}
      </div>
      {images.length < MAX_IMAGES ? (
        <ImageUploadButton
          purpose="post"
          label={t('posts.addImage', { count: images.length, max: MAX_IMAGES })}
          onUploaded={(upload) => setImages((list) => [...list, upload.url])}
          testId="compose-image"
        />
      ) : null}
      <h2>{kind === 'list' ? t('posts.listProducts') : t('posts.tagProducts')}</h2>
      <ol className="plain-list compose-products">
        {products.map((p, i) => (
          <li key={p.id} className="card compose-product" data-testid="compose-product">
            <span>{p.title}</span>
            {kind === 'list' ? (
              <input
                value={p.note}
                maxLength={500}
                placeholder={t('posts.note')}
                aria-label={t('posts.note')}
                onChange={(e) =>
                  setProducts(products.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))
                }
              />
            ) : null}
            <button
              type="button"
              className="link-button"
              onClick={() => setProducts(products.filter((x) => x.id !== p.id))}
            >
              {t('posts.remove')}
            </button>
          </li>
        ))}
      </ol>
      <ProductSearch picked={products} onPick={(p) => setProducts((list) => [...list, p])} />
      <ErrorMessage error={create.error} />
      <div className="compose-actions">
        <button
          type="button"
          className="btn btn-outline"
          disabled={create.isPending || !body.trim()}
          onClick={(e) => submit(e, true)}
          data-testid="compose-draft"
        >
          {t('posts.saveDraft')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending || !body.trim() || (kind === 'list' && products.length === 0)}
          data-testid="compose-publish"
        >
          {create.isPending ? t('common.working') : t('posts.publish')}
        </button>
      </div>
    </form>
  );
}
