/**
 * What Apply and Refresh do for value by group: find the spend table (read it as the user typed it, or create it
 * once with the groups found and a blank spend column), then describe the Channels sheet. The spend table is the
 * user's: after it is created, nothing here ever writes to it, so typed spend survives every refresh.
 */
import type { CustomerWorkbook, OwnSheet, WorkbookFailure } from "../excel/workbook";
import type { Locale } from "../i18n";
import { channelsSheet } from "../engine/channels/channels-sheet";
import {
  defaultSpendTableName,
  isTableName,
  readSpendTable,
  spendSheet,
  SpendIssue,
} from "../engine/channels/spend-table";
import type { ChannelBase, GroupSpend, GroupValue } from "../engine/channels/value-by-group";

export interface ChannelsPlan {
  /** The spend table's sheet to create first, when the workbook has no table of that name yet. */
  spendSheet?: OwnSheet;
  channels: OwnSheet;
  /** The spend table's name, kept in the recipe so a refresh reads the same table. */
  spendTable: string;
  values: GroupValue[];
}

export async function planChannels(
  workbook: CustomerWorkbook,
  request: { base: ChannelBase; spendTable?: string; tableName: string; locale: Locale; writtenAt: string },
  name: (sheet: OwnSheet) => OwnSheet,
): Promise<{ ok: true; plan: ChannelsPlan } | { ok: false; failure: WorkbookFailure }> {
  const { base, locale } = request;
  const spendTable = request.spendTable ?? defaultSpendTableName(locale);
  if (!isTableName(spendTable)) {
    return { ok: false, failure: { code: "input", key: "channels.issue.badTableName", params: { name: spendTable } } };
  }
  const found = await workbook.getTable(spendTable);
  if (!found.ok) return { ok: false, failure: found.error };
  let spends: GroupSpend[] = [];
  let issues: SpendIssue[] = [];
  let created: OwnSheet | undefined;
  if (found.value) {
    const read = await workbook.readTable(found.value.id);
    if (!read.ok) return { ok: false, failure: read.error };
    ({ spends, issues } = readSpendTable(read.value.headers, read.value.rows, base.column, base, locale));
  } else {
    const groups = base.groups.map((group) => group.label);
    created = name(spendSheet(groups, base.column, base, spendTable, locale));
    // What the new table holds: every group, its spend not typed yet, the data window as its period.
    spends = groups.map((group) => ({ group, spend: null, from: base.firstDay, to: base.lastDay }));
  }
  const { sheet, values } = channelsSheet(base, spends, locale, {
    tableName: request.tableName,
    spendTable,
    spendTableCreated: created !== undefined,
    issues,
    writtenAt: request.writtenAt,
  });
  return { ok: true, plan: { ...(created ? { spendSheet: created } : {}), channels: name(sheet), spendTable, values } };
}
