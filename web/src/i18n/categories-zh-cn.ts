import type {
  categoriesEn,
  categoryFieldRulesEn,
  categoryFieldsEn,
  categoryReasonsEn,
} from './categories-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 商品分类的中文文案：后台“分类”页面、商品表单的分类选择，以及分类接口的拒绝原因和字段错误。 */
export const categoriesZhCN: Catalog<typeof categoriesEn> = {
  adminCategories: {
    nav: '分类',
    title: '商品分类',
    hint: '顾客按此顺序看到分类，并以他们的语言显示名称。',
    newTitle: '新建分类',
    editTitle: '编辑“{{name}}”',
    nameEn: '英文名称',
    nameZh: '中文名称',
    icon: '图标',
    category: '分类',
    slug: '网址',
    products: '商品',
    productCount: '在售 {{active}} · 共 {{all}}',
    actions: '操作',
    add: '添加分类',
    save: '保存',
    edit: '编辑',
    delete: '删除',
    moveUp: '上移',
    moveDown: '下移',
    moveUpLabel: '上移“{{name}}”',
    moveDownLabel: '下移“{{name}}”',
    empty: '还没有分类',
    emptyHint: '先在上方添加一个分类，之后即可把商品放进去。',
    deleteTitle: '删除“{{name}}”？',
    deleteMessage: '该分类下没有商品。删除后，它将从后台和商店中消失。',
    inUseHint: '该分类下有商品：请先把它们移到其他分类，再删除。',
    none: '无分类',
    picker: '分类',
    pickerHint: '在“后台 → 分类”中添加或重命名分类。',
    icons: {
      tag: '标签',
      leaf: '叶子',
      cup: '杯子',
      cookie: '饼干',
      utensils: '餐具',
      home: '房屋',
      sparkles: '闪光',
      device: '设备',
      shirt: '衣服',
      gift: '礼物',
      heart: '爱心',
      star: '星星',
      book: '书本',
      basket: '篮子',
    },
  },
};

export const categoryReasonsZhCN: Catalog<typeof categoryReasonsEn> = {
  category_in_use_one: '该分类下有 {{count}} 件商品：请先把它移到其他分类。',
  category_in_use_other: '该分类下有 {{count}} 件商品：请先把它们移到其他分类。',
  category_taken: '网址为“{{slug}}”的分类已存在，请换一个名称。',
};

export const categoryFieldRulesZhCN: Catalog<typeof categoryFieldRulesEn> = {
  en: { slugEmpty: '请至少包含一个字母或数字：分类的网址由这个名称生成。' },
};

export const categoryFieldsZhCN: Catalog<typeof categoryFieldsEn> = {
  en: '英文名称',
  'zh-CN': '中文名称',
  icon: '图标',
  position: '排序位置',
};
