/** 图片上传的简体中文文字：选择器、商品图片编辑和拒绝原因。 */
export const uploadsZhCN = {
  uploads: {
    uploading: '上传中…',
    hint: 'JPEG、PNG、WebP、GIF 或 AVIF，最大 {{maxMegabytes}} MB。',
    addImage: '添加图片',
    noImages: '还没有图片。第一张是封面。',
    imageNumber: '图片 {{n}}',
    moveEarlier: '将图片 {{n}} 前移',
    moveLater: '将图片 {{n}} 后移',
    remove: '移除图片 {{n}}',
    removeShort: '移除',
    logo: '店铺标志',
    uploadLogo: '上传标志',
    removeLogo: '移除标志',
    noLogo: '还没有标志。',
  },
};

export const uploadsReasonsZhCN = {
  upload_multipart_required: '请选择要上传的图片文件。',
  upload_file_missing: '请选择要上传的图片文件。',
  upload_not_an_image: '这个文件不是图片。请选择 JPEG、PNG、WebP、GIF 或 AVIF 图片。',
  upload_not_a_video: '这个文件不是视频。请选择 MP4 或 WebM 视频。',
  upload_unreadable: '无法读取这张图片，它可能已损坏或不完整。',
  upload_too_large: '文件太大，上限为 {{maxMegabytes}} MB。',
  upload_too_many_pixels: '图片尺寸太大（{{width}} × {{height}} 像素），上限为 {{maxMegapixels}} 百万像素。',
  upload_not_found: '找不到这张图片，请重新上传。',
  upload_video_host_only: '只有店主和管理员可以上传视频，用于直播。',
  upload_video_quota_exceeded: '上传这个视频会超过 24 小时内 {{maxMegabytes}} MB 的视频上限，请稍后再试。',
  uploads_rate_limited: '一分钟内上传太多次，请 {{retryAfterSeconds}} 秒后再试。',
};
