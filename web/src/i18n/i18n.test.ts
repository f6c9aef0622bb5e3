import i18n, { texts } from '.';

const zhCN = texts['zh-CN'];
const en = texts.en;

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('starts in zh-CN', () => {
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('auth.submit')).toBe('登录');
  });

  it('has the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const key of keys(zhCN)) expect(i18n.t(key, { lng: 'zh-CN' }), key).not.toBe('');
  });
});
