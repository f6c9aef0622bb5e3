import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { GradeChart } from './GradeChart';

describe('grade chart', () => {
  it('draws the grade distribution with ECharts\' SVG renderer', async () => {
    const { container, findByText } = render(
      <MemoryRouter>
        <div style={{ width: 600, height: 300 }}>
          <GradeChart counts={[{ grade: 'A', count: 19 }, { grade: 'B', count: 25 }, { grade: 'C', count: 48 }, { grade: 'D', count: 32 }]} />
        </div>
      </MemoryRouter>,
    );
    expect(container.querySelector('svg')).not.toBeNull();
    expect(await findByText('48')).toBeInTheDocument();
  });

  it('shows an empty state when there is nothing to count', () => {
    const { getByText } = render(<MemoryRouter><GradeChart counts={[{ grade: 'A', count: 0 }]} /></MemoryRouter>);
    expect(getByText('暂无数据')).toBeInTheDocument();
  });
});
