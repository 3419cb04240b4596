@classroom-format
Feature: The classroom line format
  The classroom sketch sends "seq,millis,temperature,humidity" with client.println, which ends
  every line with CR LF; other senders end their lines with LF alone. The server takes both, and
  stores what was sent, exactly, for the sketch that sent it: a sketch without a hello is known
  by its address.

  Background:
    Given a server is receiving readings

  Scenario Outline: Lines ended by <ending> are stored exactly as sent
    Given a classroom sketch connected to the server
    When it sends these lines, each ended by <ending>:
      | 0,1234,28.3,65.2   |
      | 1,6235,28.30,65.20 |
      | 2,11236,-3.5,100   |
      | 3,16237,+0.0,0     |
      | 004,21238,49.9,20  |
    Then the server stores exactly these readings from the sketch's address:
      | seq | millis | temperature | humidity |
      | 0   | 1234   | 28.3        | 65.2     |
      | 1   | 6235   | 28.3        | 65.2     |
      | 2   | 11236  | -3.5        | 100      |
      | 3   | 16237  | 0           | 0        |
      | 4   | 21238  | 49.9        | 20       |
    And the server reported no malformed line

    Examples:
      | ending |
      | CR LF  |
      | LF     |
