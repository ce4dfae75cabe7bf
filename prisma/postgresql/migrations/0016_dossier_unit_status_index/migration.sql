-- CreateIndex
CREATE INDEX "Dossier_unitCode_status_idx" ON "Dossier"("unitCode", "status");

