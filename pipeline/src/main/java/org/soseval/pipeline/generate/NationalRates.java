package org.soseval.pipeline.generate;

/**
 * England rates by reporting year that calibrate the generator. Rates are per 10,000 children aged
 * 0-17 (ONS mid-year estimate for the previous calendar year), recomputed from DfE's national
 * counts; percentages are DfE's. Years before 2013 use 2013, years after 2025 use 2025.
 *
 * <p>Sources (national rows; Open Government Licence v3.0): DfE Explore Education Statistics,
 * "Characteristics of children in need" tables C1 (referrals, re-referrals within 12 months, NFA,
 * not in need), C4 (Section 47 enquiries, ICPCs), D3 (CP plans starting, second or subsequent), D5
 * (CP plans at 31 March), B1 (CIN at 31 March); "Children looked after in England" (starts about
 * 24-28 per 10,000 in 2019-2025, looked after at 31 March 60-71 per 10,000); ONS mid-year
 * population estimates. E.g. 2019: 650,930 referrals / 11,755,593 children = 553.7 per 10,000.
 */
record NationalRates(
    int year,
    double referrals,
    double rereferralPercent,
    double nfaPercent,
    double notInNeedPercent,
    double section47,
    double icpc,
    double cpStarts,
    double cpSubsequentPercent,
    double claStarts,
    double claAt31) {

  private static final NationalRates[] TABLE = {
    new NationalRates(2013, 520.4, 24.7, 14.5, 19.0, 111.5, 52.7, 46.2, 14.9, 26, 60),
    new NationalRates(2014, 573.3, 23.5, 14.1, 19.6, 124.4, 56.8, 52.1, 15.8, 27, 60),
    new NationalRates(2015, 551.0, 24.2, 13.8, 23.0, 139.1, 61.9, 53.9, 16.6, 27, 60),
    new NationalRates(2016, 536.0, 22.5, 9.9, 25.4, 148.8, 63.0, 54.6, 17.9, 28, 60),
    new NationalRates(2017, 553.6, 21.9, 10.2, 27.8, 159.1, 65.9, 56.9, 18.7, 28, 62),
    new NationalRates(2018, 559.6, 21.9, 9.4, 28.5, 169.1, 67.8, 58.7, 20.2, 27, 64),
    new NationalRates(2019, 553.7, 22.6, 8.1, 29.1, 171.1, 65.9, 56.7, 20.8, 27, 66),
    new NationalRates(2020, 545.3, 22.6, 6.3, 30.2, 170.5, 65.7, 56.3, 21.9, 26, 68),
    new NationalRates(2021, 507.1, 22.7, 6.0, 30.5, 168.6, 61.6, 54.1, 22.1, 24, 69),
    new NationalRates(2022, 552.8, 21.5, 7.6, 28.8, 185.2, 62.7, 54.7, 22.7, 26, 70),
    new NationalRates(2023, 538.1, 22.4, 7.1, 29.9, 189.4, 62.5, 53.7, 23.6, 28, 71),
    new NationalRates(2024, 515.7, 22.4, 6.3, 30.3, 186.2, 59.9, 51.5, 24.7, 27, 70),
    new NationalRates(2025, 519.4, 22.6, 6.5, 30.8, 189.3, 59.2, 50.8, 24.5, 26, 67),
  };

  static NationalRates forYear(int reportingYear) {
    int index = Math.max(0, Math.min(TABLE.length - 1, reportingYear - TABLE[0].year()));
    return TABLE[index];
  }
}
