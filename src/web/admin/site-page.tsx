import { Button, Form, Input, Skeleton, Typography } from 'antd';
/** GET /api/site-settings: the server's own type, imported type-only */
import type { SiteSettings } from '../../domains/org/site-schema.js';
import { api } from '../api/client.js';
import { notifySuccess } from '../api/feedback.js';
import { applyServerError } from '../api/form-errors.js';
import { PageCard } from '../components/ledger.js';
import { useFetch } from '../components/use-fetch.js';
import { TextItem } from '../components/form-items.js';
import { useSending } from '../components/use-submit.js';

type Values = Omit<SiteSettings, 'version'>;

/** The settings as the form shows them and the server takes them: a code not set is ''. */
function filledIn(s: Values): Values {
  return {
    siteName: s.siteName,
    sponsor: s.sponsor,
    siteCode: s.siteCode ?? '',
    icp: s.icp ?? '',
    policeRecord: s.policeRecord ?? '',
    contact: s.contact ?? '',
  };
}

/** What names the site in its masthead and footer: both required. */
const namedBy = [
  ['siteName', '网站名称'],
  ['sponsor', '主办单位'],
] as const;

/** 网站设置: the public site's masthead and footer (《政府网站发展指引》: 主办单位、网站标识码、备案号). */
export default function SitePage() {
  const { data, reload } = useFetch<SiteSettings>('/api/site-settings');
  const [form] = Form.useForm<Values>();
  const { busy: saving, run } = useSending();
  if (!data) return <Skeleton active />;
  const submit = async (v: Values) => {
    await run(
      async () => {
        await api.put('/api/site-settings', { version: data.version, ...filledIn(v) });
        notifySuccess('已保存,公开网站即时生效');
        reload();
      },
      (e) => {
        applyServerError(form, e);
      },
    );
  };
  return (
    <PageCard title="公开网站设置">
      <Typography.Paragraph type="secondary">
        公开网站(无需登录的信息公开页面)的网站名称、页头和页脚信息。按《政府网站发展指引》,页脚须标明主办单位、网站标识码和备案号。
        <a href="/portal" target="_blank" rel="noreferrer">
          查看公开网站
        </a>
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="site"
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={filledIn(data)}
        onFinish={submit}
      >
        {namedBy.map(([name, label]) => (
          <Form.Item
            key={name}
            name={name}
            label={label}
            rules={[{ required: true, min: 2, message: `请填写${label}` }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        ))}
        <Form.Item name="siteCode" label="网站标识码" extra="由全国政府网站信息报送系统分配">
          <Input maxLength={20} />
        </Form.Item>
        <TextItem name="icp" label="ICP 备案号" max={40} />
        <TextItem name="policeRecord" label="公安机关备案号" max={40} />
        <TextItem name="contact" label="联系方式" max={120} />
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </PageCard>
  );
}
