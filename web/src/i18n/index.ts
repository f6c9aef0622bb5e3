import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';
import en from './en.json';

type Bundle = Record<string, unknown>;

// Feature folders may carry their own texts in locales/zh-CN.json and locales/en.json; their top-level keys join the shared ones.
const featureBundles = import.meta.glob<Bundle>('../features/*/locales/*.json', { eager: true, import: 'default' });

function withFeatureTexts(shared: Bundle, language: string): Bundle {
  const merged: Bundle = { ...shared };
  for (const [path, bundle] of Object.entries(featureBundles)) {
    if (!path.endsWith(`/${language}.json`)) continue;
    for (const [key, value] of Object.entries(bundle)) {
      if (key in merged) throw new Error(`i18n: ${path} redefines the top-level key "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}

export const texts = { 'zh-CN': withFeatureTexts(zhCN, 'zh-CN'), en: withFeatureTexts(en, 'en') };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'crm.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* no storage */
  }
  return 'zh-CN'; // zh-CN first, whatever the browser says
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: texts['zh-CN'] }, en: { translation: texts.en } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
