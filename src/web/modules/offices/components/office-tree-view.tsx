import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOfficeKind } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import { childKindOf, type TOfficeNode } from '../office-tree';

const KIND_COLOURS: Record<TOfficeKind, string> = {
  coordination: 'grape',
  state_office: 'blue',
  service_centre: 'gray',
};

/** Props of {@link OfficeTreeView}. */
export interface OfficeTreeViewProps {
  roots: readonly TOfficeNode[];
  /** Edit action per office (admin); omitted → read-only tree. */
  onEdit?: (office: TOffice) => void;
  /** "Add child office" action per office (admin). */
  onAddChild?: (parent: TOffice, kind: TOfficeKind) => void;
}

function OfficeItem({
  node,
  onEdit,
  onAddChild,
}: { node: TOfficeNode } & Omit<OfficeTreeViewProps, 'roots'>) {
  const { t } = useTranslation();
  const { office } = node;
  const childKind = childKindOf(office.kind);
  return (
    <li data-testid="office-node" data-office-id={office.id}>
      <Group gap="sm" py={6} wrap="wrap">
        <Text fw={600}>{office.name}</Text>
        <Badge color={KIND_COLOURS[office.kind]} variant="light" tt="none">
          {t(`officeKinds.${office.kind}`)}
        </Badge>
        {office.landCode ? <Text size="sm">{t(`lands.${office.landCode}`)}</Text> : null}
        {onEdit ? (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`${t('offices.edit')}: ${office.name}`}
            onClick={() => onEdit(office)}
          >
            {t('offices.edit')}
          </Button>
        ) : null}
        {onAddChild && childKind ? (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`${t('offices.addChild', { kind: t(`officeKinds.${childKind}`) })}: ${office.name}`}
            onClick={() => onAddChild(office, childKind)}
          >
            {t('offices.addChild', { kind: t(`officeKinds.${childKind}`) })}
          </Button>
        ) : null}
      </Group>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((child) => (
            <OfficeItem key={child.office.id} node={child} onEdit={onEdit} onAddChild={onAddChild} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The office tree as nested lists (coordination → state offices → service centres). */
export function OfficeTreeView({ roots, onEdit, onAddChild }: OfficeTreeViewProps) {
  const { t } = useTranslation();
  return (
    <ul className="kausa-tree" aria-label={t('offices.treeLabel')}>
      {roots.map((node) => (
        <OfficeItem key={node.office.id} node={node} onEdit={onEdit} onAddChild={onAddChild} />
      ))}
    </ul>
  );
}
