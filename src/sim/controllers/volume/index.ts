import type { Controller } from '../types';
import { createPersistentVolumeController } from './binder';
import { createProvisionerController } from './provisioner';
import { createPVCProtectionController, createPVProtectionController } from './protection';

/** The storage controllers: the PV binder, the simulated provisioners and the two protection controllers. */
export function storageControllers(): Controller[] {
  return [createPersistentVolumeController(), createProvisionerController(), createPVCProtectionController(), createPVProtectionController()];
}
