import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('lang.label')}
      size="small"
      variant="borderless"
      suffixIcon={<GlobalOutlined />}
      value={(i18n.language as Language) ?? 'zh-CN'}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      style={{ width: 110 }}
    />
  );
}
