# Reference values for InterruptedTimeSeriesTest.
# Generator: R 4.2.2, sandwich 3.0-2, lmtest 0.9-40.
# Run:  Rscript pipeline/src/test/resources/golden/stats/its.R
# Series: 24 equally spaced points t = 1..24, interruption T0 = 13 (first post point),
# D = 1 for t >= T0, tsince = t - (T0 - 1) for t >= T0 else 0 (methods.md 5.2: tsince = 1 at T0).
suppressMessages({library(sandwich); library(lmtest)})
y <- c(20.54, 19.83, 20.63, 21.02, 21.61, 21.89, 21.32, 21.85, 22.65, 22.34, 22.95, 23.71, 20.85,
       22.45, 22.87, 21.44, 22.10, 21.67, 21.69, 22.76, 21.82, 22.56, 23.13, 22.02)
t <- 1:24; T0 <- 13
D <- as.numeric(t >= T0); tsince <- ifelse(t >= T0, t - (T0 - 1), 0)
m <- lm(y ~ t + D + tsince)
show <- function(label, x) cat(sprintf("%-45s %s\n", label, paste(format(x, digits = 15), collapse = " ")))
show("coef", coef(m))
show("conventional SE", summary(m)$coefficients[, "Std. Error"])
show("DW lmtest::dwtest(m)$statistic", dwtest(m)$statistic)
show("NW SE lag=2 prewhite=F adjust=T", sqrt(diag(NeweyWest(m, lag = 2, prewhite = FALSE, adjust = TRUE))))
show("NW SE lag=2 prewhite=F adjust=F", sqrt(diag(NeweyWest(m, lag = 2, prewhite = FALSE, adjust = FALSE))))
ct <- coeftest(m, vcov. = NeweyWest(m, lag = 2, prewhite = FALSE, adjust = TRUE))
show("NW(adjust=T) p, t df n-4", ct[, 4])
show("NW(adjust=T) CI 95 beta2 (t, df n-4)", coef(m)["D"] + c(-1, 1) * qt(0.975, 20) * ct["D", 2])
show("NW SE lag=0 prewhite=F adjust=T (= HC1)", sqrt(diag(NeweyWest(m, lag = 0, prewhite = FALSE, adjust = TRUE))))
show("vcovHC HC1", sqrt(diag(vcovHC(m, type = "HC1"))))
# effect at t = 24: beta2 + beta3 * tsince_24
show("effect at t=24", coef(m)["D"] + coef(m)["tsince"] * 12)
V <- NeweyWest(m, lag = 2, prewhite = FALSE, adjust = TRUE); L <- c(0, 0, 1, 12)
show("effect at t=24 NW(adjust=T) SE", sqrt(drop(t(L) %*% V %*% L)))
show("lag rule floor(4*(24/100)^(2/9))", floor(4 * (24 / 100)^(2 / 9)))

# Calendar years as the time axis (fitAt): 9 yearly points 2013-2021, first post point 2016, lag 2.
# Fitted on t = 1..9 (well conditioned); lm on the years themselves gives the same effect but its
# Newey-West SE agrees only to about 8 digits, because X'X is ill-conditioned.
yy <- c(390.926521, 401.081568, 398.626119, 419.160165, 439.732425, 434.438776, 385.857861,
        391.579491, 377.035577)
for (origin in c(2012, 0)) {
  tt <- 2013:2021 - origin; T1 <- 2016 - origin
  Dy <- as.numeric(tt >= T1); sy <- ifelse(tt >= T1, tt - (T1 - 1), 0)
  my <- lm(yy ~ tt + Dy + sy); Vy <- NeweyWest(my, lag = 2, prewhite = FALSE, adjust = TRUE)
  Ly <- c(0, 0, 1, 1)
  show(sprintf("years, origin %d: effect at 2016", origin), sum(Ly * coef(my)))
  show(sprintf("years, origin %d: effect NW SE", origin), sqrt(drop(t(Ly) %*% Vy %*% Ly)))
}
