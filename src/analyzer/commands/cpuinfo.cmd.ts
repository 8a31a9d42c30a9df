/**
 * `!cpuinfo`: one row per processor from its KPRCB (CpuType = family, CpuStep = model<<8 | stepping, VendorString,
 * MHz, UpdateSignature, FeatureBits). A dump cannot read MSR 8B, so that column stays empty, as WinDbg leaves it on
 * dumps. Layout from a published kd session:
 *   `CP  F/M/S Manufacturer  MHz   PRCB Signature     MSR 8B Signature Features`
 *   ` 0  6,14,12 GenuineIntel 1733 0000005400000000  0000005400000000 a0033fff`
 */
import { hexPad } from '../../common/hex';
import { TypedView, asciiz } from '../objects/typedView';
import { prcbAddress, requireNtTypes } from '../session/processorBlock';
import type { CommandSpec } from './types';

export const commands: CommandSpec[] = [
  {
    name: '!cpuinfo',
    summary: '!cpuinfo — each processor: family/model/stepping, vendor, MHz, microcode signature, feature bits',
    run(session) {
      const types = requireNtTypes(session);
      const rows = [];
      for (let n = 0; n < session.processorCount; n++) {
        const p = new TypedView(session.vm, types, '_KPRCB', prcbAddress(session, n));
        const step = p.value('CpuStep');
        const vendorBytes = p.has('VendorString') ? session.vm.read(p.addressOf('VendorString'), 13) : null;
        rows.push({
          processor: n,
          family: p.value('CpuType'),
          model: step === null ? null : step >> 8,
          stepping: step === null ? null : step & 0xff,
          vendor: vendorBytes ? asciiz(vendorBytes) : '',
          mhz: p.value('MHz'),
          signature: p.has('UpdateSignature') ? session.vm.readU64(p.addressOf('UpdateSignature')) : null,
          features: p.value('FeatureBits'),
        });
      }
      const q = (v: number | null) => (v === null ? '?' : String(v));
      const lines = [
        'CP  F/M/S Manufacturer  MHz   PRCB Signature     MSR 8B Signature Features',
        ...rows.map((r) => `${String(r.processor).padStart(2)}  ${q(r.family)},${q(r.model)},${q(r.stepping)} ${r.vendor} ${q(r.mhz).padStart(4)} `
          + `${r.signature === null ? '????????????????' : hexPad(r.signature, 16)}  ${' '.repeat(16)} ${r.features === null ? '????????' : hexPad(r.features, 8)}`),
      ];
      return { model: rows, lines };
    },
  },
];
