-- A milestone may receive more than its amount: a Checkout paid after the seller confirmed a bank
-- transfer, say. The money arrived, so it is recorded (an overpayment for the seller to refund)
-- instead of the constraint refusing every delivery of the payment's webhook.
ALTER TABLE "Milestone" DROP CONSTRAINT "Milestone_amounts";
ALTER TABLE "Milestone"
  ADD CONSTRAINT "Milestone_amounts" CHECK ("amountFen" > 0 AND "paidFen" >= 0 AND "refundedFen" >= 0 AND "refundedFen" <= "paidFen");
