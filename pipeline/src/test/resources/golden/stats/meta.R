# Reference values for MetaAnalysisTest (methods.md 5.5).
# Generator: R 4.2.2, metafor 3.8-1.
# Run:  Rscript pipeline/src/test/resources/golden/stats/meta.R
suppressMessages(library(metafor))
show <- function(label, x) cat(sprintf("%-42s %s\n", label, paste(format(x, digits = 15), collapse = " ")))
report <- function(name, yi, vi) {
  re <- rma(yi, vi, method = "DL"); fe <- rma(yi, vi, method = "FE"); p <- predict(re)
  k <- length(yi)
  cat("==", name, "\n")
  show("DL est se z p ci.lb ci.ub", c(re$beta, re$se, re$zval, re$pval, re$ci.lb, re$ci.ub))
  show("DL tau2 Q QEp I2 H2", c(re$tau2, re$QE, re$QEp, re$I2, re$H2))
  show("DL weights %", weights(re))
  show("predict(re) pi.lb pi.ub (z)", c(p$pi.lb, p$pi.ub))
  if (k > 2) show("PI t_{k-2} (Higgins 2009)", c(re$beta) + c(-1, 1) * qt(0.975, k - 2) * sqrt(re$se^2 + re$tau2))
  show("DL 99% ci", c(predict(re, level = 99)$ci.lb, predict(re, level = 99)$ci.ub))
  show("FE est se z p ci.lb ci.ub", c(fe$beta, fe$se, fe$zval, fe$pval, fe$ci.lb, fe$ci.ub))
  show("FE weights %", weights(fe))
  show("FE I2 H2", c(fe$I2, fe$H2))
}
## F1: five LAs, log odds ratios from 2x2 tables
f1 <- escalc("OR", ai = c(30, 18, 55, 12, 40), n1i = c(200, 150, 400, 90, 310),
             ci = c(40, 25, 70, 10, 62), n2i = c(210, 160, 380, 95, 305))
show("F1 yi", f1$yi); show("F1 vi", f1$vi)
report("F1", f1$yi, f1$vi)
show("F1 pooled OR and CI", exp(c(rma(f1$yi, f1$vi, method = "DL")$beta, rma(f1$yi, f1$vi, method = "DL")$ci.lb, rma(f1$yi, f1$vi, method = "DL")$ci.ub)))
## H1: heterogeneous (tau2 > 0)
h1y <- c(-0.9, 0.1, -0.4, 0.35, -1.2, -0.05); h1v <- c(0.04, 0.06, 0.03, 0.09, 0.05, 0.02)
report("H1", h1y, h1v)
## K2: two studies
report("K2", c(-0.3, 0.4), c(0.05, 0.08))
