// A kafkajs admin remembers every topic it was asked offsets for, and each new topic makes it
// re-read the metadata of all of them: counting 1,000 topics on one admin costs ~500,000 topic
// metadata entries. Handing each admin only a few topics, then replacing it, keeps that flat.
import type { AdminPort } from '../../core/kafka/ports';

interface Slot {
  admin: Promise<AdminPort>;
  uses: number;
  inFlight: number;
  retired: boolean;
}

export class RotatingAdmin {
  private current: Slot | undefined;

  constructor(
    private readonly connect: () => Promise<AdminPort>,
    private readonly usesPerAdmin = 25,
  ) {}

  async run<T>(work: (admin: AdminPort) => Promise<T>): Promise<T> {
    if (!this.current || this.current.uses >= this.usesPerAdmin) {
      if (this.current) this.retire(this.current);
      this.current = { admin: this.connect(), uses: 0, inFlight: 0, retired: false };
    }
    const slot = this.current;
    slot.uses++;
    slot.inFlight++;
    try {
      return await work(await slot.admin);
    } catch (e) {
      // A broken connection is not reused.
      if (this.current === slot) {
        this.current = undefined;
        this.retire(slot);
      }
      throw e;
    } finally {
      slot.inFlight--;
      if (slot.retired && slot.inFlight === 0) this.close(slot);
    }
  }

  dispose(): void {
    if (this.current) this.retire(this.current);
    this.current = undefined;
  }

  private retire(slot: Slot): void {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.inFlight === 0) this.close(slot);
  }

  private close(slot: Slot): void {
    void slot.admin.then((a) => a.disconnect()).catch(() => undefined);
  }
}
