/** English strings of image uploads: the picker, the product images editor and the refusals. */
export const uploadsEn = {
  uploads: {
    uploading: 'Uploading…',
    hint: 'JPEG, PNG, WebP, GIF or AVIF, up to {{maxMegabytes}} MB.',
    addImage: 'Add a picture',
    noImages: 'No pictures yet. The first one is the cover.',
    imageNumber: 'Picture {{n}}',
    moveEarlier: 'Move picture {{n}} earlier',
    moveLater: 'Move picture {{n}} later',
    remove: 'Remove picture {{n}}',
    removeShort: 'Remove',
    logo: 'Logo',
    uploadLogo: 'Upload a logo',
    removeLogo: 'Remove the logo',
    noLogo: 'No logo yet.',
  },
};

export const uploadsReasonsEn = {
  upload_multipart_required: 'Choose a picture file to upload.',
  upload_file_missing: 'Choose a picture file to upload.',
  upload_not_an_image: 'That file is not a picture. Choose a JPEG, PNG, WebP, GIF or AVIF image.',
  upload_not_a_video: 'That file is not a video. Choose an MP4 or WebM video.',
  upload_unreadable: 'That picture cannot be read. It may be damaged or cut short.',
  upload_too_large: 'That file is too large. The limit is {{maxMegabytes}} MB.',
  upload_too_many_pixels:
    'That picture is too large ({{width}} × {{height}} pixels). The limit is {{maxMegapixels}} million pixels.',
  upload_not_found: 'That picture was not found. Upload it again.',
  upload_video_host_only: 'Only shopkeepers and administrators upload videos, for their live sessions.',
  upload_video_quota_exceeded:
    'That video would take you past your limit of {{maxMegabytes}} MB of video in 24 hours. Try again later.',
  uploads_rate_limited: 'Too many uploads in a minute. Try again in {{retryAfterSeconds}} seconds.',
};
