import { Button, Card, Empty, Flex, Input, Layout, Menu, Space, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';

/**
 * antd writes a component's CSS (CSS-in-JS) the first time that component renders; for the menu, the table and the pickers
 * of the first signed-in page that took ~⅓ s after pressing 登录 on a slow machine. While the login form waits for input,
 * this renders one of each, hidden, once the browser is idle, so that work is done before the click.
 */
export function StyleWarmup() {
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setDue(true), 50);
    return () => window.clearTimeout(timer);
  }, []);
  if (!due) return null;
  return (
    <div hidden aria-hidden data-testid="style-warmup">
      <Layout>
        <Layout.Sider theme="light" collapsible>
          <Menu mode="inline" defaultOpenKeys={['g']} items={[{ key: 'g', label: 'g', children: [{ key: 'i', label: 'i' }] }]} />
        </Layout.Sider>
        <Layout>
          <Layout.Header />
          <Layout.Content>
            <Card title="t">
              <Flex gap="small">
                <Space>
                  <Input.Search />
                  <TreeSelect treeData={[]} />
                  <Button type="primary">b</Button>
                  <Tag color="blue">t</Tag>
                </Space>
              </Flex>
              <Typography.Title level={4}>t</Typography.Title>
              <Table
                rowKey="id"
                size="middle"
                dataSource={[{ id: 1, name: 'n' }]}
                columns={[{ title: 'n', dataIndex: 'name', sorter: true }]}
                pagination={{ total: 50, showSizeChanger: true, showTotal: (total) => total }}
              />
              <Empty />
              <Spin />
            </Card>
          </Layout.Content>
        </Layout>
      </Layout>
    </div>
  );
}
