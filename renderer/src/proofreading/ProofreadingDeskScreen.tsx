import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorRateReport } from './ErrorRateReport';
import { WordListsScreen } from './WordListsScreen';

/** The proofreading desk: the paper's word lists and the 差错率 of each edition. */
export function ProofreadingDeskScreen() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'lists', label: t('proofreading.wordLists.title'), children: <WordListsScreen /> },
        { key: 'rate', label: t('proofreading.rate.title'), children: <ErrorRateReport /> },
      ]}
    />
  );
}
